using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    // Rank and bounds of single- and multi-dimensional arrays (NewObjArray in ArrayHelpers.cs
    // describes the multi-dimensional layout).
    public abstract unsafe partial class Array
    {
        public int Rank => this.GetMethodTable()->IsSzArray ? 1 : this.GetMethodTable()->ArrayRank;

        public long LongLength => Length;

        /// <summary>Per-dimension lengths, followed by as many lower bounds (multi-dimensional arrays only).</summary>
        internal int* MultiDimensionalBounds => (int*)Unsafe.AsPointer(ref Unsafe.Add(ref _numComponents, 2));

        public int GetLength(int dimension)
        {
            if ((uint)dimension >= (uint)Rank) ThrowHelpers.ThrowIndexOutOfRangeException();
            return this.GetMethodTable()->IsSzArray ? Length : MultiDimensionalBounds[dimension];
        }

        public int GetLowerBound(int dimension)
        {
            if ((uint)dimension >= (uint)Rank) ThrowHelpers.ThrowIndexOutOfRangeException();
            return this.GetMethodTable()->IsSzArray ? 0 : MultiDimensionalBounds[Rank + dimension];
        }

        public int GetUpperBound(int dimension) => GetLowerBound(dimension) + GetLength(dimension) - 1;
    }
}
