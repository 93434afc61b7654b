namespace Nacre.Diagnostics
{
    /// <summary>
    /// Where a layer above the panic path can take over a failure before it becomes a panic: a
    /// CPU fault or an exception nothing catches. The test runner installs itself here, so that
    /// one inside a test fails that test and the run goes on, without the panic path knowing
    /// about tests. A handler either returns (the panic goes on) or never returns (it recovered,
    /// typically through a RecoveryPoint). Function pointers, not delegates: the panic path
    /// allocates nothing of its own.
    /// </summary>
    public static unsafe class PanicHook
    {
        private static delegate*<string, ulong, ulong, void> s_fault;
        private static delegate*<object, void> s_unhandledException;

        /// <summary>
        /// Installs the handlers (replacing any installed before). onFault gets the fault's name,
        /// the faulting RIP and CR2; onUnhandledException the exception object.
        /// </summary>
        public static void Install(delegate*<string, ulong, ulong, void> onFault, delegate*<object, void> onUnhandledException)
        {
            s_fault = onFault;
            s_unhandledException = onUnhandledException;
        }

        internal static void Fault(string name, ulong rip, ulong cr2)
        {
            delegate*<string, ulong, ulong, void> handler = s_fault;
            if (handler != null) handler(name, rip, cr2);
        }

        internal static void UnhandledException(object exception)
        {
            delegate*<object, void> handler = s_unhandledException;
            if (handler != null) handler(exception);
        }
    }
}
