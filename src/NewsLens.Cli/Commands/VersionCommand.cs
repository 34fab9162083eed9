using System.CommandLine;
using System.Reflection;

namespace NewsLens.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("about", "Prints the NewsLens version.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"newslens {typeof(Article).Assembly.GetName().Version}");
            return 0;
        });
        return command;
    }
}
