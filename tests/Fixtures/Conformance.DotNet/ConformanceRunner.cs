using System;
using System.Linq;
using System.Reflection;

/// <summary>
/// Runs every conformance program on .NET, in the order and with the names the kernel image uses
/// (`Family.Class` under the Conformance namespace): `PASS name` when Main returns 100,
/// `FAIL name: code` otherwise (or the escaping exception), then `N passed, M failed`.
/// Arguments are name substrings that select programs, as in the kernel image.
/// </summary>
public static class ConformanceRunner
{
    public static int Main(string[] args)
    {
        var programs = typeof(ConformanceRunner).Assembly.GetTypes()
            .Where(t => t.Namespace != null && t.Namespace.StartsWith("Conformance.", StringComparison.Ordinal) && !t.IsNested)
            .Select(t => (Name: t.Namespace.Substring("Conformance.".Length) + "." + t.Name,
                          Main: t.GetMethod("Main", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, Type.EmptyTypes)))
            .Where(p => p.Main != null && p.Main.ReturnType == typeof(int))
            .Where(p => args.Length == 0 || args.Any(a => p.Name.Contains(a, StringComparison.Ordinal)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        int passed = 0, failed = 0;
        foreach (var (name, main) in programs)
        {
            Console.WriteLine("RUN " + name);
            string failure;
            try
            {
                int code = (int)main.Invoke(null, null);
                failure = code == 100 ? null : code.ToString();
            }
            catch (TargetInvocationException e)
            {
                failure = "unhandled " + e.InnerException.GetType().FullName + ": " + e.InnerException.Message;
            }
            if (failure == null) { passed++; Console.WriteLine("PASS " + name); }
            else { failed++; Console.WriteLine("FAIL " + name + ": " + failure); }
        }
        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
