using NewsLens.Testing;

namespace NewsLens.Tests;

/// <summary>Where the repository, the sample corpus, the gold annotations and ../shared are.</summary>
public static class TestPaths
{
    public static string RepoRoot => RepositoryFolders.Root;

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string Notebooks => Path.Combine(RepoRoot, "notebooks");

    /// <summary>The gold annotations of the seeds, copied into the test fixtures so they run on any clone.</summary>
    public static string Gold => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gold");

    /// <summary>The third-party data folder beside the clone (or $NEWSLENS_SHARED); null when absent.</summary>
    public static string? Shared => RepositoryFolders.Shared;

    public static string SharedPath(params string[] parts) =>
        Path.Combine([Shared ?? throw new InvalidOperationException("../shared is absent"), .. parts]);
}

/// <summary>A fact that needs a file under ../shared (third-party data, never committed); skips with the reason when absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (TestPaths.Shared is null || !Path.Exists(Path.Combine(TestPaths.Shared, relativePath)))
            Skip = $"needs ../shared/{relativePath} (third-party data, not in the repository); absent on this clone";
    }
}
