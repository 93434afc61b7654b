using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nacre.Generators
{
    /// <summary>
    /// Compiles in the member names of every enum an assembly declares, for Enum.ToString, Parse
    /// and GetName in the kernel's core library (an image has no reflection metadata). Each enum
    /// becomes a table keyed by ilc's hash of its name, the value ilc stores in the enum's
    /// MethodTable, so even private nested enums (which generated code cannot name) are found from
    /// a boxed value. An eager static constructor registers the assembly's tables at start-up.
    /// Runs in every compilation against the core library (build/Nacre.Compile.props) and does
    /// nothing elsewhere. Enums nested in generic types are left out (their hash depends on the
    /// instantiation) and print as numbers.
    /// </summary>
    [Generator]
    public sealed class EnumNameGenerator : IIncrementalGenerator
    {
        private const string TableType = "Internal.Runtime.CompilerHelpers.EnumNameTable";

        private sealed record EnumTable(int Hash, string Source);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var enums = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is EnumDeclarationSyntax,
                static (ctx, ct) => Describe(ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct) as INamedTypeSymbol))
                .Where(static t => t != null)
                .Collect();
            var target = context.CompilationProvider.Select(static (c, _) =>
                (HasTables: c.GetTypeByMetadataName(TableType) != null, Assembly: c.AssemblyName ?? ""));
            context.RegisterSourceOutput(enums.Combine(target), static (spc, data) =>
            {
                var (tables, (hasTables, assembly)) = data;
                if (hasTables && tables.Length > 0) spc.AddSource("EnumNames.g.cs", Emit(tables!, assembly));
            });
        }

        private static EnumTable? Describe(INamedTypeSymbol? type)
        {
            if (type == null || type.EnumUnderlyingType == null) return null;
            for (var t = type.ContainingType; t != null; t = t.ContainingType)
                if (t.IsGenericType) return null;
            int? elementType = ElementType(type.EnumUnderlyingType.SpecialType);
            if (elementType == null) return null;
            bool flags = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
            // Declaration order, then a stable sort by value: .NET's order, so that of two members
            // with one value the first declared is the one printed.
            var members = type.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue)
                .Select(f => (f.Name, Bits: Bits(f.ConstantValue!)))
                .OrderBy(m => m.Bits)
                .ToList();
            string names = string.Join(", ", members.Select(m => SymbolDisplay.FormatLiteral(m.Name, true)));
            string values = string.Join(", ", members.Select(m => m.Bits + "UL"));
            int hash = TypeNameHash(type);
            string source = $"new global::{TableType}({hash}, {elementType}, {(flags ? "true" : "false")}, "
                + $"new string[] {{ {names} }}, new ulong[] {{ {values} }})";
            return new EnumTable(hash, source);
        }

        // The underlying type as the MethodTable's element type (NativeAOT's EETypeElementType).
        private static int? ElementType(SpecialType type) => type switch
        {
            SpecialType.System_SByte => 0x04, SpecialType.System_Byte => 0x05,
            SpecialType.System_Int16 => 0x06, SpecialType.System_UInt16 => 0x07,
            SpecialType.System_Int32 => 0x08, SpecialType.System_UInt32 => 0x09,
            SpecialType.System_Int64 => 0x0A, SpecialType.System_UInt64 => 0x0B,
            _ => null,
        };

        // The value's bits zero-extended from the underlying width, as the core library reads a boxed enum.
        private static ulong Bits(object value) => value switch
        {
            sbyte v => (byte)v, byte v => v, short v => (ushort)v, ushort v => v,
            int v => (uint)v, uint v => v, long v => (ulong)v, ulong v => v,
            _ => 0,
        };

        // ilc's hash of a type definition (TypeHashingAlgorithms, EcmaType.GetHashCode): the name
        // hash of "Namespace.Name", combined with the enclosing type's for a nested type.
        private static int TypeNameHash(INamedTypeSymbol type)
        {
            if (type.ContainingType != null)
            {
                int enclosing = TypeNameHash(type.ContainingType);
                return (enclosing + RotateLeft(enclosing, 11)) ^ NameHash(type.MetadataName);
            }
            string ns = type.ContainingNamespace == null || type.ContainingNamespace.IsGlobalNamespace
                ? "" : type.ContainingNamespace.ToDisplayString();
            return NameHash(ns.Length > 0 ? ns + "." + type.MetadataName : type.MetadataName);
        }

        private static int NameHash(string s)
        {
            int hash1 = 0x6DA3B944, hash2 = 0;
            for (int i = 0; i < s.Length; i += 2)
            {
                hash1 = (hash1 + RotateLeft(hash1, 5)) ^ s[i];
                if (i + 1 < s.Length) hash2 = (hash2 + RotateLeft(hash2, 5)) ^ s[i + 1];
            }
            hash1 += RotateLeft(hash1, 8);
            hash2 += RotateLeft(hash2, 8);
            return hash1 ^ hash2;
        }

        private static int RotateLeft(int value, int shift) => (int)(((uint)value << shift) | ((uint)value >> (32 - shift)));

        private static string Emit(IEnumerable<EnumTable> tables, string assembly)
        {
            var sb = new StringBuilder();
            sb.AppendLine("// <auto-generated/> by Nacre.Generators: the names of this assembly's enums (docs/corelib.md).");
            sb.AppendLine("namespace Nacre.Generated");
            sb.AppendLine("{");
            sb.AppendLine("    [global::System.Runtime.CompilerServices.EagerStaticClassConstruction]");
            sb.AppendLine("    internal static class EnumNames");
            sb.AppendLine("    {");
            sb.AppendLine("        // Sorted by hash, for the core library's binary search.");
            sb.AppendLine($"        private static readonly global::{TableType}[] Tables =");
            sb.AppendLine("        {");
            foreach (var t in tables.OrderBy(t => t.Hash))
                sb.AppendLine($"            {t.Source},");
            sb.AppendLine("        };");
            sb.AppendLine();
            sb.AppendLine("        static EnumNames() => global::Internal.Runtime.CompilerHelpers.EnumNameTables.Register(Tables);");
            sb.AppendLine();
            sb.AppendLine("        // An export roots the class, so that ilc compiles it and runs its constructor at start-up.");
            string symbol = "nacre_enum_names_" + new string(assembly.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
            sb.AppendLine($"        [global::System.Runtime.RuntimeExport(\"{symbol}\")]");
            sb.AppendLine("        private static int Count() => Tables.Length;");
            sb.AppendLine("    }");
            sb.AppendLine("}");
            return sb.ToString();
        }
    }
}
