using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nacre.Generators
{
    /// <summary>
    /// Checks the kernel world's rule for generic virtual methods: a type has at most one
    /// (declared virtual or abstract, overriding, in an interface, or implementing an interface's).
    /// ilc leaves method names out of the tables the core library dispatches these calls with,
    /// so the lookup knows a method only by its type (docs/corelib.md, "Generic virtual
    /// methods"); with two on one type some calls could not be told apart, so the compiler
    /// refuses them here instead of the kernel guessing at run time.
    /// </summary>
    [Generator]
    public sealed class GenericVirtualMethodRule : IIncrementalGenerator
    {
        private static readonly DiagnosticDescriptor TooMany = new(
            "NACRE007", "More than one generic virtual method in a type",
            "Type '{0}' has {1} generic virtual methods ({2}); in the kernel world a type may have at most one (docs/corelib.md, \"Generic virtual methods\")",
            "Nacre", DiagnosticSeverity.Error, true);

        private sealed record Violation(string Type, int Count, string Methods, Location Location);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var violations = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => Check(ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct) as INamedTypeSymbol, ctx.Node))
                .Where(static v => v != null);
            context.RegisterSourceOutput(violations, static (spc, v) =>
                spc.ReportDiagnostic(Diagnostic.Create(TooMany, v!.Location, v.Type, v.Count, v.Methods)));
        }

        private static Violation? Check(INamedTypeSymbol? type, SyntaxNode node)
        {
            // A partial type is checked once, at its first declaration.
            if (type == null || type.DeclaringSyntaxReferences.Length == 0
                || type.DeclaringSyntaxReferences[0].GetSyntax() != node) return null;
            var methods = new List<IMethodSymbol>();
            foreach (var m in type.GetMembers().OfType<IMethodSymbol>())
                if (IsGenericInstanceMethod(m)
                    && (m.IsVirtual || m.IsAbstract || m.IsOverride || type.TypeKind == TypeKind.Interface || m.ExplicitInterfaceImplementations.Length > 0))
                    Add(methods, m);
            foreach (var iface in type.AllInterfaces)
                foreach (var m in iface.GetMembers().OfType<IMethodSymbol>())
                    if (IsGenericInstanceMethod(m)
                        && type.FindImplementationForInterfaceMember(m) is IMethodSymbol impl
                        && SymbolEqualityComparer.Default.Equals(impl.ContainingType, type))
                        Add(methods, impl);
            if (methods.Count <= 1) return null;
            return new Violation(type.ToDisplayString(), methods.Count,
                string.Join(", ", methods.Select(m => m.Name)), node is TypeDeclarationSyntax t ? t.Identifier.GetLocation() : node.GetLocation());
        }

        private static bool IsGenericInstanceMethod(IMethodSymbol m) =>
            m.IsGenericMethod && !m.IsStatic
            && (m.MethodKind == MethodKind.Ordinary || m.MethodKind == MethodKind.ExplicitInterfaceImplementation);

        private static void Add(List<IMethodSymbol> methods, IMethodSymbol m)
        {
            if (!methods.Any(x => SymbolEqualityComparer.Default.Equals(x, m))) methods.Add(m);
        }
    }
}
