using System.CommandLine;
using NewsLens.Cli.Commands;

namespace NewsLens.Cli;

/// <summary>The `newslens` command: parses arguments and calls the library; no analysis logic lives here.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("NewsLens: quotations, actors and sentiment in news corpora.");
        // One file per verb under Commands/; register each here.
        root.Subcommands.Add(ArticlesCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(NotebookCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(SentimentCommand.Create());
        root.Subcommands.Add(QuotesCommand.Create());
        root.Subcommands.Add(StatementsCommand.Create());
        root.Subcommands.Add(ActorsCommand.Create());
        root.Subcommands.Add(CooccurrenceCommand.Create());
        return root;
    }
}
