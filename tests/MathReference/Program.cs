using System;
using System.IO;

static class Program
{
    static int Main(string[] args)
    {
        string root = args.Length > 1 ? args[1] : "../..";
        switch (args.Length > 0 ? args[0] : "")
        {
            case "constants":
                File.WriteAllText(Path.Combine(root, "src/CoreLib/System/Math/MathConstants.cs"), Constants.Generate());
                return 0;
            case "math":
                File.WriteAllText(Path.Combine(root, "tests/Kernel/Numbers.Tests/MathReference.cs"), MathTable.Generate());
                return 0;
            case "formats":
                File.WriteAllText(Path.Combine(root, "tests/Kernel/Numbers.Tests/ExpectedResults.cs"), Expected.Generate());
                return 0;
            default:
                Console.Error.WriteLine("usage: dotnet run -- constants|math|formats [repo root]");
                return 2;
        }
    }
}
