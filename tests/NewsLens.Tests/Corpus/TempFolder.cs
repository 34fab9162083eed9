using System.Text;

namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

/// <summary>A folder under the system temp directory for one test's files; deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newslens-tests", Guid.NewGuid().ToString("N"));

    public string Write(string relative, string text, Encoding? encoding = null)
    {
        var full = Prepare(relative);
        File.WriteAllText(full, text, encoding ?? new UTF8Encoding(false));
        return full;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = Prepare(relative);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Prepare(string relative)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
