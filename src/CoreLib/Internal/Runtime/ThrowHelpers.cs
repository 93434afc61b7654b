using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// Throw sites kept out of line so hot paths stay small. ilc also binds its own helpers
    /// (range checks, null checks, overflow, divide by zero) to the methods of this class by name.
    /// </summary>
    internal static class ThrowHelpers
    {
        [DoesNotReturn] public static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
        [DoesNotReturn] public static void ThrowNullReferenceException() => throw new NullReferenceException();
        [DoesNotReturn] public static void ThrowOverflowException() => throw new OverflowException();
        [DoesNotReturn] public static void ThrowDivideByZeroException() => throw new DivideByZeroException();
        [DoesNotReturn] public static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
        [DoesNotReturn] public static void ThrowInvalidCastException() => throw new InvalidCastException();
        [DoesNotReturn] public static void ThrowOutOfMemoryException() => throw new OutOfMemoryException();
        [DoesNotReturn] public static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();
        [DoesNotReturn] public static void ThrowNotImplementedException() => throw new NotImplementedException();
        [DoesNotReturn] public static void ThrowFormatException() => throw new FormatException();
        [DoesNotReturn] public static void ThrowKeyNotFoundException() => throw new KeyNotFoundException();
        [DoesNotReturn] public static void ThrowArgumentException(string message) => throw new ArgumentException(message);
        [DoesNotReturn] public static void ThrowArgumentNullException(string paramName) => throw new ArgumentNullException(paramName);
        [DoesNotReturn] public static void ThrowArgumentOutOfRangeException(string paramName) => throw new ArgumentOutOfRangeException(paramName);
        [DoesNotReturn] public static void ThrowInvalidOperationException(string message) => throw new InvalidOperationException(message);
        [DoesNotReturn] public static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
        [DoesNotReturn] public static void ThrowArgumentException() => throw new ArgumentException();
        [DoesNotReturn] public static void ThrowPlatformNotSupportedException(string message) => throw new PlatformNotSupportedException(message);
        [DoesNotReturn] public static void ThrowNotSupportedException() => throw new NotSupportedException();
        [DoesNotReturn] public static void ThrowTypeLoadException() => throw new NotSupportedException("Type load failure.");
        [DoesNotReturn] public static void ThrowTypeLoadExceptionWithArgument() => throw new NotSupportedException("Type load failure.");
        [DoesNotReturn] public static void ThrowMissingMethodException() => throw new NotSupportedException("Missing method.");
        [DoesNotReturn] public static void ThrowMissingFieldException() => throw new NotSupportedException("Missing field.");
        [DoesNotReturn] public static void ThrowFileNotFoundException() => throw new NotSupportedException("File not found.");
        [DoesNotReturn] public static void ThrowInvalidProgramException() => throw new NotSupportedException("Invalid program.");
        [DoesNotReturn] public static void ThrowInvalidProgramExceptionWithArgument() => throw new NotSupportedException("Invalid program.");
        [DoesNotReturn] public static void ThrowBadImageFormatException() => throw new NotSupportedException("Bad image format.");
        [DoesNotReturn] public static void ThrowMarshalDirectiveException() => throw new NotSupportedException("Marshalling is not supported.");
        [DoesNotReturn] public static void ThrowAmbiguousMatchException() => throw new NotSupportedException("Ambiguous match.");
        [DoesNotReturn] public static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("This code was removed by the compiler.");
        [DoesNotReturn] public static void ThrowInstanceBodyRemoved() => throw new NotSupportedException("This code was removed by the compiler.");
        [DoesNotReturn] public static void ThrowUnavailableType() => throw new NotSupportedException("Type unavailable.");
        [DoesNotReturn] public static void ThrowNotSupportedInlineArrayEqualsGetHashCode() => throw new NotSupportedException();
    }
}
