using Jukebox.Data.Entities;

namespace Jukebox.Accounts.Apps;

/// <summary>Settings of developer apps (<c>Apps</c> in configuration).</summary>
public sealed class AppsOptions
{
    /// <summary>The API profile a new app gets (<see cref="ApiProfiles"/>); the demo app is always full.</summary>
    public string DefaultProfile { get; set; } = ApiProfiles.Full;

    public bool IsValid() => ApiProfiles.All.Contains(DefaultProfile);
}
