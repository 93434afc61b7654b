using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nacre.Generators
{
    /// <summary>
    /// Self-checking programs as in-kernel tests: in an image whose project sets
    /// `NacreProgramsNamespace` (for instance tests/Kernel/Conformance), every class under that
    /// namespace with a `static int Main()` is one test, named `Family.Class` after the rest of its
    /// namespace, that passes when Main returns 100 and otherwise fails with the code it returned.
    /// The same sources run unchanged as an ordinary .NET program, so both worlds can be compared.
    /// </summary>
    internal static class SelfCheckingPrograms
    {
        internal sealed record Program(string Display, string Type, string? Error, Location? Location);

        private static readonly DiagnosticDescriptor BadProgram = new(
            "NACRE006", "Invalid self-checking program", "{0}", "Nacre", DiagnosticSeverity.Error, true);

        public static IncrementalValueProvider<ImmutableArray<Program>> Collect(IncrementalGeneratorInitializationContext context)
        {
            var root = context.AnalyzerConfigOptionsProvider.Select(static (o, _) =>
                o.GlobalOptions.TryGetValue("build_property.NacreProgramsNamespace", out var v) ? v : "");
            var mains = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is MethodDeclarationSyntax m && m.Identifier.Text == "Main" && m.ParameterList.Parameters.Count == 0,
                static (ctx, ct) => ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct) as IMethodSymbol)
                .Where(static m => m != null)
                .Collect();
            return mains.Combine(root).Select(static (data, _) =>
            {
                var (methods, ns) = data;
                if (string.IsNullOrEmpty(ns)) return ImmutableArray<Program>.Empty;
                var programs = new List<Program>();
                foreach (var m in methods)
                {
                    string space = m!.ContainingNamespace.ToDisplayString();
                    if (!space.StartsWith(ns + ".", System.StringComparison.Ordinal)) continue;
                    string display = $"{space.Substring(ns.Length + 1)}.{m.ContainingType.Name}";
                    string? error = null;
                    if (!m.IsStatic || m.ReturnType.SpecialType != SpecialType.System_Int32 || m.IsGenericMethod
                        || m.ContainingType.ContainingType != null)
                        error = $"Program '{display}' must be a top-level class with 'static int Main()'";
                    else if (m.DeclaredAccessibility == Accessibility.Private || m.ContainingType.DeclaredAccessibility == Accessibility.Private)
                        error = $"Program '{display}' must have a non-private Main";
                    programs.Add(new Program(display, m.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                        error, m.Locations.FirstOrDefault()));
                }
                return programs.OrderBy(p => p.Display, System.StringComparer.Ordinal).ToImmutableArray();
            });
        }

        /// <summary>Registry entries (one per valid program) and the wrapper methods they point at.</summary>
        public static (List<string> Entries, string Wrappers) Emit(SourceProductionContext spc, ImmutableArray<Program> programs)
        {
            var entries = new List<string>();
            var wrappers = new StringBuilder();
            for (int i = 0; i < programs.Length; i++)
            {
                var p = programs[i];
                if (p.Error != null)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(BadProgram, p.Location, p.Error));
                    continue;
                }
                entries.Add($"new global::Nacre.Testing.TestCase(\"{p.Display}\", &Program{i})");
                wrappers.AppendLine($"        private static void Program{i}()");
                wrappers.AppendLine("        {");
                wrappers.AppendLine($"            int code = {p.Type}.Main();");
                wrappers.AppendLine("            if (code != 100) global::Nacre.Testing.TestRunner.Fail(code.ToString());");
                wrappers.AppendLine("        }");
            }
            return (entries, wrappers.ToString());
        }
    }
}
