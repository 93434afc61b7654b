using System.Collections;
using System.Collections.Generic;

namespace System
{
    // A string is IEnumerable<char> as in .NET. C# needs it for `foreach` over a string (it binds
    // the loop to the interface, then lowers it to an index loop over Length and the indexer,
    // which is what actually runs); LINQ-style code over IEnumerable<char> goes through here.
    public sealed partial class String : IEnumerable<char>
    {
        public CharEnumerator GetEnumerator() => new CharEnumerator(this);
        IEnumerator<char> IEnumerable<char>.GetEnumerator() => new CharEnumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new CharEnumerator(this);
    }

    /// <summary>Walks a string's UTF-16 code units.</summary>
    public sealed class CharEnumerator : IEnumerator<char>
    {
        private string _text;
        private int _index = -1;

        internal CharEnumerator(string text) => _text = text;

        public bool MoveNext()
        {
            if (_text == null) return false;
            if (_index < _text.Length) _index++;
            return _index < _text.Length;
        }

        public char Current
        {
            get
            {
                if (_text == null || (uint)_index >= (uint)_text.Length)
                    ThrowHelpers.ThrowInvalidOperationException("Enumeration has either not started or has already finished.");
                return _text[_index];
            }
        }

        object IEnumerator.Current => Current;

        public void Reset() => _index = -1;

        public void Dispose() => _text = null;

        public object Clone() => new CharEnumerator(_text) { _index = _index };
    }
}
