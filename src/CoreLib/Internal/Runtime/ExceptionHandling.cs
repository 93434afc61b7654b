using System;
using System.Runtime;

namespace Internal.Runtime
{
    /// <summary>
    /// `throw` compiles to a call of RhpThrowEx. The kernel does not unwind: an exception is
    /// always fatal and becomes a panic that names it (catching is not supported yet).
    /// </summary>
    internal static class ExceptionHandling
    {
        [RuntimeExport("RhpThrowEx")]
        public static void ThrowEx(object exception)
        {
            if (exception == null) exception = new NullReferenceException("throw of a null exception object");
            KernelImports.UnhandledException(exception);
        }

        [RuntimeExport("RhpRethrow")]
        public static void Rethrow() => KernelImports.FailFast("rethrow without a current exception");

        [RuntimeExport("RhpFallbackFailFast")]
        public static void FallbackFailFast() => KernelImports.FailFast("runtime fallback fail-fast");

        // Helpers ilc calls for conditions it detects itself.
        [RuntimeExport("RhpThrowHwEx")]
        public static void ThrowHwEx(int code, nint faultAddress) => KernelImports.FailFast("hardware exception");
    }
}
