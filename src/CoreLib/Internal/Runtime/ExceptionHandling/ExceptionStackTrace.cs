using System;

namespace Internal.Runtime
{
    /// <summary>
    /// The code addresses an exception passed on its way to a handler, innermost first, kept in
    /// the exception itself (no allocation per throw). A throw starts it afresh; `throw;` goes on
    /// appending, so the original frames stay. Addresses past the capacity are counted, not kept.
    /// </summary>
    internal unsafe struct StackTraceBuffer
    {
        public const int Capacity = 32;

        private fixed ulong _addresses[Capacity];
        private int _count;
        private int _dropped;

        public int Count => _count;
        public int Dropped => _dropped;
        public ulong this[int index] => _addresses[index];

        public void Clear() { _count = 0; _dropped = 0; }

        public void Append(ulong address)
        {
            if (_count < Capacity) _addresses[_count++] = address;
            else _dropped++;
        }
    }

    /// <summary>The recorded stack of an exception, for the kernel's reports (it symbolises the addresses).</summary>
    public static class ExceptionStackTrace
    {
        /// <summary>How many addresses were kept.</summary>
        public static int Count(Exception e) => e._stackTrace.Count;

        /// <summary>How many frames were passed beyond those kept.</summary>
        public static int Dropped(Exception e) => e._stackTrace.Dropped;

        /// <summary>The index-th address: where the exception was thrown (0), then each caller's return address.</summary>
        public static ulong Address(Exception e, int index) => e._stackTrace[index];
    }
}
