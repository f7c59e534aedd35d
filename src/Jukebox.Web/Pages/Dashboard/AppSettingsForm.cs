using System.ComponentModel.DataAnnotations;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>The fields of the create and edit forms; <see cref="Apps.DeveloperApps"/> checks them.</summary>
public sealed class AppSettingsForm
{
    public string TrimmedName => Name?.Trim() ?? "";
    public string TrimmedDescription => Description?.Trim() ?? "";
    public string? TrimmedWebsite => string.IsNullOrWhiteSpace(Website) ? null : Website.Trim();

    [Display(Name = "App name")]
    public string? Name { get; set; }

    [Display(Name = "App description")]
    public string? Description { get; set; }

    [Display(Name = "Website")]
    public string? Website { get; set; }

    /// <summary>One URI a line.</summary>
    [Display(Name = "Redirect URIs")]
    public string? RedirectUris { get; set; }
}
