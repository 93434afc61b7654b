using Internal.Runtime;

namespace System
{
    /// <summary>Text output to the kernel console (the serial port, or the VMM's console).</summary>
    public static unsafe class Console
    {
        public static void Write(string value)
        {
            if (value == null) return;
            fixed (char* p = value) KernelImports.ConsoleWrite(p, value.Length);
        }

        public static void Write(char value) => KernelImports.ConsoleWrite(&value, 1);
        public static void Write(int value) => Write(value.ToString());
        public static void Write(long value) => Write(value.ToString());
        public static void Write(ulong value) => Write(value.ToString());
        public static void Write(double value) => Write(value.ToString());
        public static void Write(bool value) => Write(value ? "True" : "False");
        public static void Write(object value) => Write(value?.ToString());

        public static void WriteLine() => Write('\n');

        public static void WriteLine(string value)
        {
            Write(value);
            Write('\n');
        }

        public static void WriteLine(char value) { Write(value); Write('\n'); }
        public static void WriteLine(int value) => WriteLine(value.ToString());
        public static void WriteLine(long value) => WriteLine(value.ToString());
        public static void WriteLine(ulong value) => WriteLine(value.ToString());
        public static void WriteLine(double value) => WriteLine(value.ToString());
        public static void WriteLine(bool value) => WriteLine(value ? "True" : "False");
        public static void WriteLine(object value) => WriteLine(value?.ToString());
        public static void Write(float value) => Write(value.ToString());
        public static void Write(uint value) => Write(value.ToString());
        public static void WriteLine(float value) => WriteLine(value.ToString());
        public static void WriteLine(uint value) => WriteLine(value.ToString());

        // Composite formatting (string.Format's rules).
        public static void Write(string format, object arg0) => Write(string.Format(format, arg0));
        public static void Write(string format, object arg0, object arg1) => Write(string.Format(format, arg0, arg1));
        public static void Write(string format, object arg0, object arg1, object arg2) => Write(string.Format(format, arg0, arg1, arg2));
        public static void Write(string format, params object[] args) => Write(string.Format(format, args));
        public static void WriteLine(string format, object arg0) => WriteLine(string.Format(format, arg0));
        public static void WriteLine(string format, object arg0, object arg1) => WriteLine(string.Format(format, arg0, arg1));
        public static void WriteLine(string format, object arg0, object arg1, object arg2) => WriteLine(string.Format(format, arg0, arg1, arg2));
        public static void WriteLine(string format, params object[] args) => WriteLine(string.Format(format, args));
    }

    public static class Environment
    {
        /// <summary>Stops the kernel at once with a panic that prints the message.</summary>
        public static void FailFast(string message) => KernelImports.FailFast(message ?? "");

        /// <summary>Ends the run with an exit code (as if Main had returned it).</summary>
        public static void Exit(int exitCode) => KernelImports.Exit(exitCode);

        /// <summary>The calling kernel thread's id (iterators use it to know who may reuse them).</summary>
        public static int CurrentManagedThreadId => KernelImports.ThreadId();

        public static string NewLine => "\n";
    }
}
