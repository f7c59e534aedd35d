namespace Jukebox.Sandbox;

/// <summary>The control plane tests drive (the sandbox API and the sandbox grant): off unless enabled.</summary>
public sealed class SandboxOptions
{
    public bool Enabled { get; set; }

    /// <summary>When set, sandbox calls must send it in the X-Jukebox-Admin-Key header.</summary>
    public string AdminKey { get; set; } = "";
}
