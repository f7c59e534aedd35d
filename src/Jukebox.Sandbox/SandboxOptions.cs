namespace Jukebox.Sandbox;

/// <summary>The control plane tests drive (the sandbox API and the sandbox grant): off unless enabled.</summary>
public sealed class SandboxOptions
{
    public bool Enabled { get; set; }

    /// <summary>When set, sandbox calls must send it in the X-Jukebox-Admin-Key header.</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>The requests kept per app in each node's request log (0 keeps none).</summary>
    public int RequestLogSize { get; set; } = 1000;

    /// <summary>The apps whose requests each node's request log keeps (the idlest app's ring makes room for a new one).</summary>
    public int RequestLogApps { get; set; } = 50;

    /// <summary>Prints one line per Web API and token request to the console (--log-requests).</summary>
    public bool LogRequests { get; set; }
}
