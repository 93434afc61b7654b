namespace System.Runtime.CompilerServices
{
    // Types the C# compiler and ilc look up by name.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Field)]
    internal sealed class IntrinsicAttribute : Attribute { }

    public static class IsVolatile { }
    public static class IsConst { }
    public static class IsExternalInit { }

    public enum MethodImplOptions
    {
        Unmanaged = 0x0004, NoInlining = 0x0008, ForwardRef = 0x0010, Synchronized = 0x0020,
        NoOptimization = 0x0040, PreserveSig = 0x0080, AggressiveInlining = 0x0100,
        AggressiveOptimization = 0x0200, InternalCall = 0x1000,
    }

    [AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method)]
    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute(MethodImplOptions methodImplOptions) { Value = methodImplOptions; }
        public MethodImplAttribute() { }
        public MethodImplOptions Value { get; }
    }

    public sealed class CompilerGeneratedAttribute : Attribute { }
    public sealed class ExtensionAttribute : Attribute { }
    public sealed class IndexerNameAttribute : Attribute { public IndexerNameAttribute(string indexerName) { } }
    public sealed class IsReadOnlyAttribute : Attribute { }
    public sealed class IsByRefLikeAttribute : Attribute { }
    public sealed class IsUnmanagedAttribute : Attribute { }
    public sealed class ScopedRefAttribute : Attribute { }
    public sealed class RequiresLocationAttribute : Attribute { }
    public sealed class RefSafetyRulesAttribute : Attribute { public RefSafetyRulesAttribute(int version) { } }
    public sealed class NullableAttribute : Attribute
    {
        public NullableAttribute(byte value) { }
        public NullableAttribute(byte[] value) { }
    }
    public sealed class NullableContextAttribute : Attribute { public NullableContextAttribute(byte value) { } }
    public sealed class FixedBufferAttribute : Attribute { public FixedBufferAttribute(Type elementType, int length) { } }
    public sealed class InlineArrayAttribute : Attribute { public InlineArrayAttribute(int length) { } }
    public sealed class TupleElementNamesAttribute : Attribute { public TupleElementNamesAttribute(string[] transformNames) { } }
    public sealed class CallerArgumentExpressionAttribute : Attribute { public CallerArgumentExpressionAttribute(string parameterName) { } }
    public sealed class CallerMemberNameAttribute : Attribute { }
    public sealed class CallerFilePathAttribute : Attribute { }
    public sealed class CallerLineNumberAttribute : Attribute { }
    public sealed class InternalsVisibleToAttribute : Attribute { public InternalsVisibleToAttribute(string assemblyName) { } }
    public sealed class SkipLocalsInitAttribute : Attribute { }
    public sealed class ModuleInitializerAttribute : Attribute { }
    /// <summary>ilc runs the static constructor of a class marked with this at start-up (Startup.cs), not on first use.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class EagerStaticClassConstructionAttribute : Attribute { }

    public sealed class CompilerFeatureRequiredAttribute : Attribute
    {
        public CompilerFeatureRequiredAttribute(string featureName) { FeatureName = featureName; }
        public string FeatureName { get; }
        public bool IsOptional { get; set; }
    }

    public sealed class RequiredMemberAttribute : Attribute { }

    /// <summary>Features the C# compiler checks the core library for.</summary>
    public static class RuntimeFeature
    {
        public const string ByRefFields = nameof(ByRefFields);
        public const string NumericIntPtr = nameof(NumericIntPtr);
        public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
        public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);
        public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);
        public const string CovariantReturnsOfClasses = nameof(CovariantReturnsOfClasses);
    }

    public static unsafe partial class RuntimeHelpers
    {
        public static int OffsetToStringData => sizeof(nint) + sizeof(int);

        [Intrinsic] public static bool IsReferenceOrContainsReferences<T>() => throw null;

        /// <summary>Array initialisers: copy the blob the compiler embedded into the new array.</summary>
        // [Intrinsic] is what lets the JIT turn the call into a copy from the data blob; without it
        // the call stays a call and ilc needs ldtoken helpers (LdTokenHelpers) the core library lacks.
        [Intrinsic]
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle)
        {
            // ilc expands this intrinsic at compile time; reaching here means it could not.
            ThrowHelpers.ThrowPlatformNotSupportedException();
        }

        [Intrinsic] public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle) => throw null;

        public static int GetHashCode(object o) => o == null ? 0 : o.GetHashCodeByAddress();

        public static void EnsureSufficientExecutionStack() { }
    }

    public interface INotifyCompletion { }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class InterpolatedStringHandlerAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
    {
        public InterpolatedStringHandlerArgumentAttribute(string argument) { }
        public InterpolatedStringHandlerArgumentAttribute(params string[] arguments) { }
    }
}

namespace System.Runtime.InteropServices
{
    using System.Runtime.CompilerServices;

    public enum LayoutKind { Sequential = 0, Explicit = 2, Auto = 3 }

    /// <summary>C# marks the `unmanaged` generic constraint with modreq(UnmanagedType).</summary>
    public enum UnmanagedType { Bool = 2, I1 = 3, U1 = 4, I2 = 5, U2 = 6, I4 = 7, U4 = 8, I8 = 9, U8 = 10, R4 = 11, R8 = 12 }

    public sealed class StructLayoutAttribute : Attribute
    {
        public StructLayoutAttribute(LayoutKind layoutKind) { Value = layoutKind; }
        public LayoutKind Value { get; }
        public int Pack;
        public int Size;
    }

    public sealed class FieldOffsetAttribute : Attribute { public FieldOffsetAttribute(int offset) { } }
    public sealed class InAttribute : Attribute { }
    public sealed class OutAttribute : Attribute { }
    public sealed class UnmanagedCallersOnlyAttribute : Attribute
    {
        public string EntryPoint;
        public Type[] CallConvs;
    }
    public enum CallingConvention { Winapi = 1, Cdecl = 2, StdCall = 3, ThisCall = 4, FastCall = 5 }
    public sealed class DllImportAttribute : Attribute
    {
        public DllImportAttribute(string dllName) { }
        public CallingConvention CallingConvention;
        public string EntryPoint;
    }

    public static class MemoryMarshal
    {
        public static ref T GetReference<T>(Span<T> span) => ref span._reference;
        public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;
        public static Span<T> CreateSpan<T>(ref T reference, int length) => new Span<T>(ref reference, length);
        public static ReadOnlySpan<T> CreateReadOnlySpan<T>(ref T reference, int length) => new ReadOnlySpan<T>(ref reference, length);
        public static ref T GetArrayDataReference<T>(T[] array) => ref Unsafe.As<byte, T>(ref array.GetArrayData());
    }
}

namespace System.Runtime
{
    /// <summary>Makes a method callable by native code (assembly) under the given symbol name.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeExportAttribute : Attribute
    {
        public RuntimeExportAttribute(string entry) { }
    }

    /// <summary>Binds an extern method to a native symbol (a direct call, no marshalling).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string lib, string entry) { }
        public RuntimeImportAttribute(string entry) { }
    }
}

namespace System.Reflection
{
    public sealed class DefaultMemberAttribute : Attribute
    {
        public DefaultMemberAttribute(string memberName) { MemberName = memberName; }
        public string MemberName { get; }
    }
}
