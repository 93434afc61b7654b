namespace System
{
    // The standard exceptions the core library and the compiler's helpers throw.
    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) : base(message) { }
        public SystemException(string message, Exception innerException) : base(message, innerException) { }
        protected override string DefaultMessage => "System error.";
    }

    public class ArgumentException : SystemException
    {
        private readonly string _paramName;
        public ArgumentException() { }
        public ArgumentException(string message) : base(message) { }
        public ArgumentException(string message, string paramName) : base(message) { _paramName = paramName; }
        public string ParamName => _paramName;
        public override string Message => _paramName == null ? base.Message : string.Concat(base.Message, " (Parameter '", _paramName, "')");
        protected override string DefaultMessage => "Value does not fall within the expected range.";
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }
        public ArgumentNullException(string paramName) : base(null, paramName) { }
        public ArgumentNullException(string paramName, string message) : base(message, paramName) { }
        protected override string DefaultMessage => "Value cannot be null.";
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }
        public ArgumentOutOfRangeException(string paramName) : base(null, paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) : base(message, paramName) { }
        protected override string DefaultMessage => "Specified argument was out of the range of valid values.";
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(string message) : base(message) { }
        protected override string DefaultMessage => "Operation is not valid due to the current state of the object.";
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(string message) : base(message) { }
        protected override string DefaultMessage => "Specified method is not supported.";
    }

    public class PlatformNotSupportedException : NotSupportedException
    {
        public PlatformNotSupportedException() { }
        public PlatformNotSupportedException(string message) : base(message) { }
        protected override string DefaultMessage => "Operation is not supported on this platform.";
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(string message) : base(message) { }
        protected override string DefaultMessage => "The method or operation is not implemented.";
    }

    public sealed class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() { }
        public IndexOutOfRangeException(string message) : base(message) { }
        protected override string DefaultMessage => "Index was outside the bounds of the array.";
    }

    public class NullReferenceException : SystemException
    {
        public NullReferenceException() { }
        public NullReferenceException(string message) : base(message) { }
        protected override string DefaultMessage => "Object reference not set to an instance of an object.";
    }

    /// <summary>A page fault at an address that is not null (raised only inside a test's exception trap).</summary>
    public class AccessViolationException : SystemException
    {
        public AccessViolationException() { }
        public AccessViolationException(string message) : base(message) { }
        protected override string DefaultMessage => "Attempted to read or write protected memory.";
    }

    public class InvalidCastException : SystemException
    {
        public InvalidCastException() { }
        public InvalidCastException(string message) : base(message) { }
        protected override string DefaultMessage => "Specified cast is not valid.";
    }

    public class ArrayTypeMismatchException : SystemException
    {
        public ArrayTypeMismatchException() { }
        public ArrayTypeMismatchException(string message) : base(message) { }
        protected override string DefaultMessage => "Attempted to access an element as a type incompatible with the array.";
    }

    public class ArithmeticException : SystemException
    {
        public ArithmeticException() { }
        public ArithmeticException(string message) : base(message) { }
        protected override string DefaultMessage => "Overflow or underflow in the arithmetic operation.";
    }

    public class OverflowException : ArithmeticException
    {
        public OverflowException() { }
        public OverflowException(string message) : base(message) { }
        protected override string DefaultMessage => "Arithmetic operation resulted in an overflow.";
    }

    public class DivideByZeroException : ArithmeticException
    {
        public DivideByZeroException() { }
        public DivideByZeroException(string message) : base(message) { }
        protected override string DefaultMessage => "Attempted to divide by zero.";
    }

    public class FormatException : SystemException
    {
        public FormatException() { }
        public FormatException(string message) : base(message) { }
        protected override string DefaultMessage => "Input string was not in a correct format.";
    }

    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() { }
        public OutOfMemoryException(string message) : base(message) { }
        protected override string DefaultMessage => "Insufficient memory to continue the execution of the program.";
    }

    public sealed class TypeInitializationException : SystemException
    {
        public TypeInitializationException(string message) : base(message) { }
        public TypeInitializationException(string message, Exception innerException) : base(message, innerException) { }
    }
}

namespace System.Collections.Generic
{
    public class KeyNotFoundException : SystemException
    {
        public KeyNotFoundException() { }
        public KeyNotFoundException(string message) : base(message) { }
        protected override string DefaultMessage => "The given key was not present in the dictionary.";
    }
}
