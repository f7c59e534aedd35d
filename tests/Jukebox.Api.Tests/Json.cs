using System.Text.Json;

namespace Jukebox.Api.Tests;

/// <summary>Short reads of response bodies.</summary>
internal static class Json
{
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static bool Has(this JsonElement e, string name) => e.TryGetProperty(name, out _);

    /// <summary>The entries of the array property <paramref name="name"/>.</summary>
    public static List<JsonElement> Array(this JsonElement e, string name = "items") => [.. e.GetProperty(name).EnumerateArray()];

    /// <summary>The <c>id</c> of every object in the array property <paramref name="name"/>.</summary>
    public static List<string> Ids(this JsonElement e, string name = "items") => [.. e.Array(name).Select(i => i.Str("id"))];

    public static List<string> Strings(this JsonElement e, string name) => [.. e.Array(name).Select(i => i.GetString()!)];
}
