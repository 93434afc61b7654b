namespace Internal.Runtime.TypeLoader
{
    /// <summary>
    /// A cursor over ilc's NativeFormat encoding, the compact format of the module's generic
    /// lookup tables: integers take 1 to 5 bytes, their low bits saying how many (the lowest
    /// clear bit's position is the extra byte count); offsets between vertices are signed and
    /// relative to where the offset is stored. Tables are trusted (ilc wrote them into this very
    /// image), so there are no bounds checks beyond the table's end for the hashtable walk.
    /// </summary>
    internal unsafe struct NativeParser
    {
        public byte* Position;

        public NativeParser(byte* position) { Position = position; }

        public byte GetByte() => *Position++;

        public uint GetUnsigned()
        {
            byte* p = Position;
            uint b = p[0];
            if ((b & 1) == 0) { Position = p + 1; return b >> 1; }
            if ((b & 2) == 0) { Position = p + 2; return (b >> 2) | ((uint)p[1] << 6); }
            if ((b & 4) == 0) { Position = p + 3; return (b >> 3) | ((uint)p[1] << 5) | ((uint)p[2] << 13); }
            if ((b & 8) == 0) { Position = p + 4; return (b >> 4) | ((uint)p[1] << 4) | ((uint)p[2] << 12) | ((uint)p[3] << 20); }
            Position = p + 5;
            return *(uint*)(p + 1);
        }

        public int GetSigned()
        {
            byte* p = Position;
            uint b = p[0];
            if ((b & 1) == 0) { Position = p + 1; return (sbyte)b >> 1; }
            if ((b & 2) == 0) { Position = p + 2; return (int)(b >> 2) | ((sbyte)p[1] << 6); }
            if ((b & 4) == 0) { Position = p + 3; return (int)((b >> 3) | ((uint)p[1] << 5)) | ((sbyte)p[2] << 13); }
            if ((b & 8) == 0) { Position = p + 4; return (int)((b >> 4) | ((uint)p[1] << 4) | ((uint)p[2] << 12)) | ((sbyte)p[3] << 20); }
            Position = p + 5;
            return *(int*)(p + 1);
        }

        /// <summary>Reads a relative offset and returns a parser at its target.</summary>
        public NativeParser GetRelative()
        {
            byte* at = Position;
            int delta = GetSigned();
            return new NativeParser(at + delta);
        }
    }

    /// <summary>
    /// Walks every entry of a NativeFormat hashtable (all buckets, in order). Lookups here scan
    /// whole tables rather than hashing: the slow path is taken once per (type, method) pair and
    /// then cached, and scanning needs none of ilc's type-name hash functions.
    /// </summary>
    internal unsafe struct NativeHashtableEntries
    {
        private readonly byte* _base;
        private readonly uint _bucketCount;
        private readonly int _indexSize;
        private uint _bucket;
        private byte* _next;
        private byte* _end;

        /// <summary>table: the first byte of a hashtable (its header); null gives no entries.</summary>
        public NativeHashtableEntries(byte* table)
        {
            _bucket = 0;
            _next = _end = null;
            if (table == null) { _base = null; _bucketCount = 0; _indexSize = 1; return; }
            uint header = table[0];
            _base = table + 1;
            _bucketCount = 1u << (int)(header >> 2);
            _indexSize = 1 << (int)(header & 3);
            OpenBucket();
        }

        private uint BucketStart(uint bucket) => _indexSize switch
        {
            1 => _base[bucket],
            2 => ((ushort*)_base)[bucket],
            _ => ((uint*)_base)[bucket],
        };

        private void OpenBucket()
        {
            _next = _base + BucketStart(_bucket);
            _end = _base + BucketStart(_bucket + 1);
        }

        /// <summary>The next entry's vertex, false after the last.</summary>
        public bool Next(out NativeParser entry)
        {
            while (_base != null)
            {
                if (_next < _end)
                {
                    var p = new NativeParser(_next + 1);   // skip the low hash byte
                    entry = p.GetRelative();
                    _next = p.Position;
                    return true;
                }
                if (++_bucket >= _bucketCount) break;
                OpenBucket();
            }
            entry = default;
            return false;
        }
    }
}
