using System.Text.Json.Serialization;

namespace Jukebox.Sandbox.Apps;

/// <summary>
/// The body of <c>POST /sandbox/apps</c> and <c>PATCH /sandbox/apps/{client_id}</c>: on a patch, a
/// field left out keeps its value (<c>allowlist</c> and <c>redirect_uris</c> replace the whole list).
/// </summary>
public sealed record SandboxAppRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("website")] string? Website,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string>? RedirectUris,
    [property: JsonPropertyName("quota_mode")] string? QuotaMode,
    [property: JsonPropertyName("api_profile")] string? ApiProfile,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("allowlist")] IReadOnlyList<string>? Allowlist);

/// <summary>An app as the sandbox shows it; <c>client_secret</c> only in the answers that made it (create, rotate).</summary>
public sealed record SandboxAppObject(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("website")] string? Website,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string> RedirectUris,
    [property: JsonPropertyName("quota_mode")] string QuotaMode,
    [property: JsonPropertyName("api_profile")] string ApiProfile,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("allowlist")] IReadOnlyList<string> Allowlist,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("client_secret"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientSecret = null);

public sealed record SandboxAppList([property: JsonPropertyName("items")] IReadOnlyList<SandboxAppObject> Items);
