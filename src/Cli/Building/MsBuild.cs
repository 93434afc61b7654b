using System.Text.Json;
using Nacre.Cli.Infrastructure;

namespace Nacre.Cli.Building;

/// <summary>Thin wrapper over the dotnet CLI's MSBuild entry points.</summary>
public static class MsBuild
{
    /// <summary>
    /// The environment for every dotnet child: no banners, no telemetry, and no terminal logger,
    /// whose cursor tricks would garble output we parse.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBUILDTERMINALLOGGER"] = "off",
    };

    public static IReadOnlyDictionary<string, string> GetProperties(string projectFile, IReadOnlyList<string> names)
    {
        List<string> arguments = ["msbuild", projectFile, "-nologo", "-p:Configuration=Release"];
        arguments.AddRange(names.Select(name => $"-getProperty:{name}"));

        var stdout = new List<string>();
        var result = ChildProcess.Run("dotnet", arguments, stdout.Add, stdout.Add, environment: Environment);
        var text = string.Join('\n', stdout).Trim();
        if (result.ExitCode != 0)
            throw new NacreException($"cannot evaluate {projectFile}:\n{text}");

        return names.Count == 1 ? new Dictionary<string, string> { [names[0]] = text } : ParseJson(projectFile, text);
    }

    /// <summary>With several -getProperty switches MSBuild prints {"Properties": {name: value}}.</summary>
    private static Dictionary<string, string> ParseJson(string projectFile, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.GetProperty("Properties").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new NacreException($"cannot read the properties of {projectFile}: unexpected MSBuild output:\n{text}");
        }
    }
}
