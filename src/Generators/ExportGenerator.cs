using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nacre.Generators
{
    /// <summary>
    /// For every static method marked [Nacre.HrtExport], emits the wrapper the HVM's host calls:
    /// `nacre_export_Name(long, long, long, long) → long` (docs/hvm.md). Arguments and results
    /// travel as 64-bit values; doubles as their bits, pointers as addresses.
    /// </summary>
    [Generator]
    public sealed class ExportGenerator : IIncrementalGenerator
    {
        private const string ExportAttribute = "Nacre.HrtExportAttribute";

        private sealed record Export(string Name, string Call, string[] Parameters, string Return, string? Error, Location? Location);

        private static readonly DiagnosticDescriptor BadExport = new(
            "NACRE003", "Invalid HRT export", "{0}", "Nacre", DiagnosticSeverity.Error, true);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var exports = context.SyntaxProvider.ForAttributeWithMetadataName(
                ExportAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, _) => Describe((IMethodSymbol)ctx.TargetSymbol, ctx.Attributes[0], ctx.TargetNode.GetLocation()))
                .Collect();
            var isKernelImage = context.AnalyzerConfigOptionsProvider.Select(static (o, _) =>
                o.GlobalOptions.TryGetValue("build_property.NacreImage", out var v) && !string.IsNullOrEmpty(v));
            context.RegisterSourceOutput(exports.Combine(isKernelImage), static (spc, data) =>
            {
                var (found, isImage) = data;
                if (isImage && found.Length > 0) Emit(spc, found);
            });
        }

        // How a 64-bit argument becomes a parameter of this type, or null when the type cannot travel.
        private static string? Convert(ITypeSymbol type, string value)
        {
            if (type is IPointerTypeSymbol || type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr)
                return $"({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){value}";
            switch (type.SpecialType)
            {
                case SpecialType.System_Int64: return value;
                case SpecialType.System_UInt64: case SpecialType.System_Int32: case SpecialType.System_UInt32:
                case SpecialType.System_Int16: case SpecialType.System_UInt16: case SpecialType.System_Byte:
                case SpecialType.System_SByte: case SpecialType.System_Char:
                    return $"({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){value}";
                case SpecialType.System_Boolean: return $"({value} != 0)";
                case SpecialType.System_Double: return $"*(double*)&{value}";
                default: return null;
            }
        }

        private static Export Describe(IMethodSymbol m, AttributeData attribute, Location location)
        {
            string name = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string s ? s : m.Name;
            string display = $"{m.ContainingType.Name}.{m.Name}";
            string call = $"{m.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}.{m.Name}";
            var parameters = new List<string>();
            string? error = null;
            if (!m.IsStatic || m.IsGenericMethod) error = $"HRT export '{display}' must be a static, non-generic method";
            else if (m.DeclaredAccessibility == Accessibility.Private) error = $"HRT export '{display}' must not be private";
            else if (m.Parameters.Length > 4) error = $"HRT export '{display}' has {m.Parameters.Length} parameters; at most 4 travel through a mailbox";
            else if (!IsIdentifier(name)) error = $"HRT export name '{name}' must be a C identifier";
            for (int i = 0; error == null && i < m.Parameters.Length; i++)
            {
                var p = m.Parameters[i];
                string? c = p.RefKind == RefKind.None ? Convert(p.Type, $"a{i}") : null;
                if (c == null) error = $"HRT export '{display}': parameter '{p.Name}' of type {p.Type.ToDisplayString()} cannot travel as 64 bits";
                else parameters.Add(c);
            }
            string ret = "void";
            if (error == null && !m.ReturnsVoid)
            {
                var t = m.ReturnType;
                if (t.SpecialType == SpecialType.System_Double) ret = "double";
                else if (t.SpecialType == SpecialType.System_Boolean) ret = "bool";
                else if (Convert(t, "r") != null) ret = "integer";
                else error = $"HRT export '{display}' returns {t.ToDisplayString()}, which cannot travel as 64 bits";
            }
            return new Export(name, call, parameters.ToArray(), ret, error, location);
        }

        private static bool IsIdentifier(string s) =>
            s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_'));

        private static void Emit(SourceProductionContext spc, IEnumerable<Export> exports)
        {
            var sb = new StringBuilder();
            sb.AppendLine("// <auto-generated/> by Nacre.Generators: the HVM's entry points into this HRT.");
            sb.AppendLine("namespace Nacre.Generated");
            sb.AppendLine("{");
            sb.AppendLine("    internal static unsafe class HrtExports");
            sb.AppendLine("    {");
            var seen = new HashSet<string>();
            foreach (var e in exports.OrderBy(e => e.Name, System.StringComparer.Ordinal))
            {
                if (e.Error != null) { spc.ReportDiagnostic(Diagnostic.Create(BadExport, e.Location, e.Error)); continue; }
                if (!seen.Add(e.Name))
                {
                    spc.ReportDiagnostic(Diagnostic.Create(BadExport, e.Location, $"HRT export name '{e.Name}' is used twice"));
                    continue;
                }
                string call = $"{e.Call}({string.Join(", ", e.Parameters)})";
                string body = e.Return switch
                {
                    "void" => $"{call}; return 0;",
                    "double" => $"double r = {call}; return *(long*)&r;",
                    "bool" => $"return {call} ? 1 : 0;",
                    _ => $"return (long){call};",
                };
                sb.AppendLine($"        [global::System.Runtime.RuntimeExport(\"nacre_export_{e.Name}\")]");
                sb.AppendLine($"        private static long Export_{e.Name}(long a0, long a1, long a2, long a3) {{ {body} }}");
            }
            sb.AppendLine("    }");
            sb.AppendLine("}");
            spc.AddSource("HrtExports.g.cs", sb.ToString());
        }
    }
}
