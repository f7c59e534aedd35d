namespace Jukebox.Sandbox.Tests.Import;

/// <summary>A temporary folder of files to import, removed with the test.</summary>
public sealed class ImportFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jukebox-import-tests", Guid.NewGuid().ToString("N"));

    public ImportFolder() => Directory.CreateDirectory(Path);

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
