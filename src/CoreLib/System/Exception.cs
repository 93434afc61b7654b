namespace System
{
    /// <summary>
    /// Base of all exceptions. There is no unwinding in the kernel: a throw stops the kernel with a
    /// panic that names the exception's type and prints its message (see RuntimeExceptionHelpers).
    /// </summary>
    public class Exception
    {
        private readonly string _message;
        private readonly Exception _innerException;

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
