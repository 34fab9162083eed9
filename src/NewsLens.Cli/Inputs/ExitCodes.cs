namespace NewsLens.Cli.Inputs;

/// <summary>The exit codes every corpus verb shares (documented in the README's "Loading a corpus").</summary>
internal static class ExitCodes
{
    /// <summary>Every input loaded.</summary>
    public const int Ok = 0;

    /// <summary>Bad arguments: an unknown option or value, an option the mode ignores, an unreadable catalog or lexicon.</summary>
    public const int Usage = 1;

    /// <summary>Something was skipped: a file or record, or a path or glob that matched nothing. The rest still ran.</summary>
    public const int Skipped = 2;
}
