using System.Collections;

namespace NewsLens;

/// <summary>A loaded set of articles plus the diagnostics met while loading them.</summary>
/// <remarks>The entry point for notebooks and scripts: <c>var corpus = Corpus.Load("../seeds");</c></remarks>
public sealed partial class Corpus : IReadOnlyList<Article>
{
    public Corpus(IReadOnlyList<Article> articles, IReadOnlyList<Diagnostic>? diagnostics = null, IReadOnlyList<RemovedLine>? removedLines = null)
    {
        Articles = articles;
        Diagnostics = diagnostics ?? [];
        RemovedLines = removedLines ?? [];
    }

    public IReadOnlyList<Article> Articles { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Lines of scraped pages left out of the articles, with the reason (file order, then line); empty unless
    /// loaded with <see cref="LoadOptions.RecordRemovedLines"/>. <see cref="RemovedLine.ToDataFrame"/> tabulates them.</summary>
    public IReadOnlyList<RemovedLine> RemovedLines { get; }

    public int Count => Articles.Count;

    public Article this[int index] => Articles[index];

    public IEnumerator<Article> GetEnumerator() => Articles.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
