namespace NewsLens.Interactive.Reports;

/// <summary>How an HTML report presents its notebooks: the page's own title, author and summary, and whether code shows.</summary>
public sealed record ReportOptions
{
    /// <summary>The page title; null takes the notebook's first heading (one notebook) or "NewsLens report".</summary>
    public string? Title { get; init; }

    /// <summary>Shown under the title.</summary>
    public string? Author { get; init; }

    /// <summary>A paragraph (markdown) under the title, before the notebooks.</summary>
    public string? Summary { get; init; }

    /// <summary>Hide code cells and keep their outputs (nbconvert's --no-input, Quarto's echo: false).</summary>
    public bool HideInput { get; init; }
}
