using System.Globalization;
using System.Text.Json;

namespace Jukebox.Sandbox.State;

/// <summary>
/// A column's value in a snapshot file: strings, numbers and booleans as JSON has them, instants in
/// ISO 8601 (round-trip precision), bytes in base64, enums as their numbers, null as null.
/// </summary>
public static class RowValues
{
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case DateTimeOffset d: json.WriteStringValue(d.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTime d: json.WriteStringValue(d.ToString("O", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            case Enum e: json.WriteNumberValue(Convert.ToInt64(e, CultureInfo.InvariantCulture)); break;
            default: throw new NotSupportedException($"A snapshot cannot hold a {value.GetType().Name}");
        }
    }

    /// <summary>The value of <paramref name="type"/> that <paramref name="json"/> holds; null with the reason when it holds none.</summary>
    public static bool TryRead(JsonElement json, Type type, out object? value, out string? error)
    {
        value = null;
        error = null;
        var nullable = Nullable.GetUnderlyingType(type);
        if (json.ValueKind == JsonValueKind.Null)
        {
            if (nullable is not null || !type.IsValueType)
            {
                return true;
            }
            error = "must not be null";
            return false;
        }
        var target = nullable ?? type;
        value = target switch
        {
            _ when target == typeof(string) && json.ValueKind == JsonValueKind.String => json.GetString(),
            _ when target == typeof(bool) && json.ValueKind is JsonValueKind.True or JsonValueKind.False => json.GetBoolean(),
            _ when target == typeof(int) && json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var i) => i,
            _ when target == typeof(long) && json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var l) => l,
            _ when target.IsEnum && json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var e) && Enum.IsDefined(target, e) => Enum.ToObject(target, e),
            _ when target == typeof(DateTimeOffset) && json.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(json.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) => d,
            _ when target == typeof(DateTime) && json.ValueKind == JsonValueKind.String
                && DateTime.TryParse(json.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) => t,
            _ when target == typeof(byte[]) && json.ValueKind == JsonValueKind.String && json.TryGetBytesFromBase64(out var bytes) => bytes,
            _ => null,
        };
        if (value is null)
        {
            error = $"must be {Describe(target)}";
            return false;
        }
        return true;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "an integer",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetValuesAsUnderlyingType(type).Cast<object>())}",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 instant",
        _ when type == typeof(byte[]) => "base64",
        _ => type.Name,
    };
}
