using System.Diagnostics;
using System.Globalization;
using Markdig;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NewsLens.Interactive.Running;

/// <summary>
/// The magics VS Code's kernel has that the kernel libraries lack: <c>#!time</c> and <c>#!markdown</c> come with the
/// dotnet-interactive app (its Jupyter package's <c>UseDefaultMagicCommands</c>, not a served library), so the runner adds
/// them as that app does, with the same outputs.
/// </summary>
internal static class AppMagics
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseMathematics().UseAdvancedExtensions().Build();

    public static CompositeKernel UseAppMagics(this CompositeKernel kernel)
    {
        // "Wall time: 12.3456ms" as a text/plain display once the cell completes, as in VS Code.
        kernel.AddDirective(new KernelActionDirective("#!time") { Description = "Time the execution of the cell" }, (_, context) =>
        {
            var timer = Stopwatch.StartNew();
            context.OnComplete(completed => completed.Publish(new DisplayedValueProduced(timer.Elapsed, context.Command,
                [new FormattedValue(PlainTextFormatter.MimeType, $"Wall time: {timer.Elapsed.TotalMilliseconds.ToString(CultureInfo.CurrentCulture)}ms")])));
            return Task.CompletedTask;
        });

        // A code cell starting with #!markdown shows its text rendered as HTML.
        kernel.AddDirective(new KernelActionDirective("#!markdown") { Description = "Convert the code that follows from Markdown into HTML" }, (_, context) =>
        {
            if (context.Command is SubmitCode submit)
            {
                var html = Markdig.Markdown.ToHtml(submit.Code.Replace("#!markdown", "", StringComparison.Ordinal).Trim(), Markdown);
                context.Publish(new DisplayedValueProduced(html, context.Command, [new FormattedValue(HtmlFormatter.MimeType, html)]));
                context.Complete(submit);
            }

            return Task.CompletedTask;
        });
        return kernel;
    }
}
