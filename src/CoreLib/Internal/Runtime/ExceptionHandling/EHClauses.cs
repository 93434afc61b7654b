namespace Internal.Runtime
{
    /// <summary>One protected region of a method and what handles it, as ilc encodes it.</summary>
    internal unsafe struct EHClause
    {
        public const uint Typed = 0, Fault = 1, Filter = 2;

        public uint Kind;               // Typed (catch by type), Fault (finally and fault), Filter
        public uint TryStart, TryEnd;   // offsets from the method's start; end exclusive
        public byte* Handler;           // the handler funclet
        public byte* FilterFunclet;     // Filter only
        public MethodTable* Type;       // Typed only: the caught type

        public bool Contains(uint offset) => offset >= TryStart && offset < TryEnd;
    }

    /// <summary>
    /// A method's EH clauses, read from the blob ilc attaches to each FDE as its LSDA. The blob
    /// starts with a flags byte: the function kind in bits 0–1 (0 the method, 1 a catch/finally/
    /// fault funclet, 2 a filter funclet), 0x04 "has EH info", 0x10 "has associated data". A
    /// funclet's blob then holds a 32-bit relative pointer to its method's blob and the distance
    /// from the method's start to its own; a method's blob holds (after the optional associated
    /// data pointer) a 32-bit relative pointer to the EH info: a count, then per clause, in
    /// NativeFormat's variable-length integers, the try start, (try length &lt;&lt; 2) | kind,
    /// the handler offset, then a 32-bit relative pointer to the type (typed) or the filter
    /// offset (filter). Clauses are ordered innermost first; ilc inserts an empty fault clause
    /// between two different try blocks that cover the same code.
    /// </summary>
    internal unsafe struct EHClauses
    {
        private const byte KindMask = 0x03, HasEHInfo = 0x04, HasAssociatedData = 0x10;
        public const byte KindMethod = 0, KindHandler = 1, KindFilter = 2;

        private byte* _next;
        private uint _remaining;
        private ulong _methodStart;

        /// <summary>The function kind (KindMethod, KindHandler or KindFilter) of an LSDA.</summary>
        public static byte KindOf(byte* lsda) => (byte)(*lsda & KindMask);

        /// <summary>
        /// Starts reading the clauses of the method that owns the function at functionStart with
        /// this LSDA (a funclet's clauses are its method's). False when the method has none.
        /// </summary>
        public static bool Open(byte* lsda, ulong functionStart, out EHClauses clauses)
        {
            clauses = default;
            byte* p = lsda + 1;
            byte* main = lsda;
            ulong methodStart = functionStart;
            if ((*lsda & KindMask) != KindMethod)
            {
                main = p + *(int*)p;
                p += 4;
                methodStart = functionStart - (ulong)(long)*(int*)p;
            }
            byte flags = *main;
            p = main + 1;
            if ((flags & HasAssociatedData) != 0) p += 4;
            if ((flags & HasEHInfo) == 0) return false;
            byte* info = p + *(int*)p;
            clauses._remaining = ReadUnsigned(ref info);
            clauses._next = info;
            clauses._methodStart = methodStart;
            return true;
        }

        /// <summary>The start of the method the clauses belong to (their offsets are from here).</summary>
        public ulong MethodStart => _methodStart;

        public bool Next(out EHClause clause)
        {
            clause = default;
            if (_remaining == 0) return false;
            _remaining--;
            clause.TryStart = ReadUnsigned(ref _next);
            uint lengthAndKind = ReadUnsigned(ref _next);
            clause.Kind = lengthAndKind & 3;
            clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
            clause.Handler = (byte*)(_methodStart + ReadUnsigned(ref _next));
            if (clause.Kind == EHClause.Typed)
            {
                clause.Type = (MethodTable*)(_next + *(int*)_next);
                _next += 4;
            }
            else if (clause.Kind == EHClause.Filter)
                clause.FilterFunclet = (byte*)(_methodStart + ReadUnsigned(ref _next));
            return true;
        }

        // NativeFormat's unsigned integers: the low bits of the first byte say how many bytes follow
        // (x0: 1 byte, 01: 2, 011: 3, 0111: 4, 1111: a 32-bit value in the next 4 bytes).
        private static uint ReadUnsigned(ref byte* p)
        {
            uint b = p[0];
            if ((b & 1) == 0) { p += 1; return b >> 1; }
            if ((b & 2) == 0) { uint v = (b >> 2) | ((uint)p[1] << 6); p += 2; return v; }
            if ((b & 4) == 0) { uint v = (b >> 3) | ((uint)p[1] << 5) | ((uint)p[2] << 13); p += 3; return v; }
            if ((b & 8) == 0) { uint v = (b >> 4) | ((uint)p[1] << 4) | ((uint)p[2] << 12) | ((uint)p[3] << 20); p += 4; return v; }
            uint w = *(uint*)(p + 1);
            p += 5;
            return w;
        }
    }
}
