using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nacre.Generators
{
    /// <summary>
    /// Collects the .NET world's libc personality: every static method marked
    /// [Nacre.Personality.LibcExport("name", ...)] becomes an entry (C name, function pointer) of
    /// `Nacre.Personality.Generated.LibcExportTable.Entries`, sorted by name, through which the
    /// ELF loader binds a program's imports. Only the compilation that declares such methods (the
    /// personality) gets the table.
    /// </summary>
    [Generator]
    public sealed class LibcExportGenerator : IIncrementalGenerator
    {
        private const string Attribute = "Nacre.Personality.LibcExportAttribute";

        private sealed record Export(string[] Names, string Pointer, string? Error, Location? Location);

        private static readonly DiagnosticDescriptor BadExport = new(
            "NACRE004", "Invalid libc export", "{0}", "Nacre", DiagnosticSeverity.Error, true);

        private static readonly DiagnosticDescriptor DuplicateExport = new(
            "NACRE005", "Duplicate libc export", "The C name '{0}' is exported twice", "Nacre", DiagnosticSeverity.Error, true);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var exports = context.SyntaxProvider.ForAttributeWithMetadataName(
                Attribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, _) => Describe((IMethodSymbol)ctx.TargetSymbol, ctx.Attributes[0], ctx.TargetNode.GetLocation()))
                .Collect();
            context.RegisterSourceOutput(exports, static (spc, found) =>
            {
                if (found.Length > 0) Emit(spc, found);
            });
        }

        private static Export Describe(IMethodSymbol m, AttributeData attribute, Location location)
        {
            var names = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string).Where(v => v != null).Select(v => v!).ToArray()
                : new string[0];
            string display = $"{m.ContainingType.Name}.{m.Name}";
            string? error = null;
            if (names.Length == 0) error = $"'{display}' needs at least one C name";
            else if (!m.IsStatic || m.IsGenericMethod) error = $"'{display}' must be a static, non-generic method";
            else if (m.DeclaredAccessibility == Accessibility.Private) error = $"'{display}' must not be private";
            else if (m.Parameters.Any(p => !Passable(p.Type)) || (!m.ReturnsVoid && !Passable(m.ReturnType)))
                error = $"'{display}' may only take and return integers, pointers and floating-point values";
            string Type(ITypeSymbol t) => t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            string signature = string.Join(", ", m.Parameters.Select(p => Type(p.Type)).Concat(new[] { m.ReturnsVoid ? "void" : Type(m.ReturnType) }));
            string pointer = $"(nint)(delegate*<{signature}>)&{Type(m.ContainingType)}.{m.Name}";
            return new Export(names, pointer, error, location);
        }

        private static bool Passable(ITypeSymbol type)
        {
            if (type is IPointerTypeSymbol || type is IFunctionPointerTypeSymbol) return true;
            if (type.TypeKind == TypeKind.Enum) return true;
            switch (type.SpecialType)
            {
                case SpecialType.System_IntPtr: case SpecialType.System_UIntPtr:
                case SpecialType.System_Int64: case SpecialType.System_UInt64:
                case SpecialType.System_Int32: case SpecialType.System_UInt32:
                case SpecialType.System_Int16: case SpecialType.System_UInt16:
                case SpecialType.System_Byte: case SpecialType.System_SByte:
                case SpecialType.System_Char: case SpecialType.System_Boolean:
                case SpecialType.System_Double: case SpecialType.System_Single:
                    return true;
                default:
                    return false;
            }
        }

        private static void Emit(SourceProductionContext spc, IEnumerable<Export> exports)
        {
            var entries = new List<(string Name, string Pointer)>();
            var seen = new HashSet<string>();
            foreach (var e in exports)
            {
                if (e.Error != null)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(BadExport, e.Location, e.Error));
                    continue;
                }
                foreach (var name in e.Names)
                {
                    if (!seen.Add(name)) spc.ReportDiagnostic(Diagnostic.Create(DuplicateExport, e.Location, name));
                    else entries.Add((name, e.Pointer));
                }
            }
            var sb = new StringBuilder();
            sb.AppendLine("// <auto-generated/> by Nacre.Generators: the libc personality's exports, sorted by C name (ordinal).");
            sb.AppendLine("namespace Nacre.Personality.Generated");
            sb.AppendLine("{");
            sb.AppendLine("    internal static unsafe class LibcExportTable");
            sb.AppendLine("    {");
            sb.AppendLine("        /// <summary>Calls add(name, address) for every export, in ordinal order of name.</summary>");
            sb.AppendLine("        internal static void Enumerate(delegate*<string, nint, void> add)");
            sb.AppendLine("        {");
            foreach (var (name, pointer) in entries.OrderBy(e => e.Name, System.StringComparer.Ordinal))
                sb.AppendLine($"            add(\"{name}\", {pointer});");
            sb.AppendLine("        }");
            sb.AppendLine();
            sb.AppendLine($"        internal const int Count = {entries.Count};");
            sb.AppendLine("    }");
            sb.AppendLine("}");
            spc.AddSource("LibcExportTable.g.cs", sb.ToString());
        }
    }
}
