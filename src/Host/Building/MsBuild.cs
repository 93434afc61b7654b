using System.Text.Json;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Building;

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

    public static IReadOnlyDictionary<string, string> GetProperties(string projectFile, IReadOnlyList<string> names) =>
        Evaluate(projectFile, names, []).Properties;

    /// <summary>One evaluated item: its Include (<c>Identity</c>) and its metadata by name.</summary>
    public sealed record Item(string Identity, IReadOnlyDictionary<string, string> Metadata);

    /// <summary>What <see cref="Evaluate"/> read: property values, and the items of each type asked for.</summary>
    public sealed record Evaluation(IReadOnlyDictionary<string, string> Properties, IReadOnlyDictionary<string, IReadOnlyList<Item>> Items);

    /// <summary>Evaluates the project (no build) with <c>dotnet msbuild -getProperty -getItem</c>.</summary>
    public static Evaluation Evaluate(string projectFile, IReadOnlyList<string> properties, IReadOnlyList<string> itemTypes)
    {
        List<string> arguments = ["msbuild", projectFile, "-nologo", "-p:Configuration=Release"];
        arguments.AddRange(properties.Select(name => $"-getProperty:{name}"));
        arguments.AddRange(itemTypes.Select(type => $"-getItem:{type}"));

        var stdout = new List<string>();
        var result = ChildProcess.Run("dotnet", arguments, stdout.Add, stdout.Add, environment: Environment);
        var text = string.Join('\n', stdout).Trim();
        if (result.ExitCode != 0)
            throw new NacreException($"cannot evaluate {projectFile}:\n{text}");

        // One property alone is printed as its bare value; anything more as JSON.
        if (properties.Count == 1 && itemTypes.Count == 0)
            return new Evaluation(new Dictionary<string, string> { [properties[0]] = text }, new Dictionary<string, IReadOnlyList<Item>>());
        return ParseJson(projectFile, text);
    }

    /// <summary>MSBuild prints {"Properties": {name: value}, "Items": {type: [{"Identity": ..., metadata...}]}}.</summary>
    private static Evaluation ParseJson(string projectFile, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var values = root.TryGetProperty("Properties", out var p)
                ? p.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString() ?? "")
                : [];
            var items = new Dictionary<string, IReadOnlyList<Item>>();
            if (root.TryGetProperty("Items", out var i))
                foreach (var type in i.EnumerateObject())
                    items[type.Name] = type.Value.EnumerateArray().Select(item =>
                    {
                        var metadata = item.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString() ?? "");
                        return new Item(metadata.GetValueOrDefault("Identity", ""), metadata);
                    }).ToList();
            return new Evaluation(values, items);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new NacreException($"cannot read the properties of {projectFile}: unexpected MSBuild output:\n{text}");
        }
    }
}
