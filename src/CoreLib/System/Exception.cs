using Internal.Runtime;

namespace System
{
    /// <summary>
    /// Base of all exceptions. Thrown exceptions are dispatched to catch, filter, finally and
    /// fault handlers by Internal.Runtime.ExceptionDispatch; one nothing catches stops the kernel
    /// with a panic that names its type and prints its message and stack.
    /// </summary>
    public class Exception
    {
        private readonly string _message;
        private readonly Exception _innerException;
        internal StackTraceBuffer _stackTrace;

        public Exception() { }
        public Exception(string message) { _message = message; }
        public Exception(string message, Exception innerException) { _message = message; _innerException = innerException; }

        public virtual string Message => _message ?? DefaultMessage;
        public Exception InnerException => _innerException;

        /// <summary>Message used when none was given (overridden by the standard exceptions).</summary>
        protected virtual string DefaultMessage => "Exception of type Exception was thrown.";

        public override string ToString() => Message;
    }
}
