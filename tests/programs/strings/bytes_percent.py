# printf-style formatting of bytes and bytearray (%s/%b, %r/%a, %c, numbers) and its errors.
tests = [
    ("b'%d' % 5", lambda: b'%d' % 5), ("b'%s' % b'x'", lambda: b'%s' % b'x'), ("b'%s' % 'x'", lambda: b'%s' % 'x'),
    ("b'%b' % bytearray", lambda: b'%b' % bytearray(b'y')), ("b'%r' % 'ㅎ'", lambda: b'%r' % 'ㅎ'), ("b'%a'", lambda: b'%a' % 'x'),
    ("b'%c' % 65", lambda: b'%c' % 65), ("b'%c' % b'A'", lambda: b'%c' % b'A'), ("b'%c' % 'A'", lambda: b'%c' % 'A'),
    ("b'%c' % 256", lambda: b'%c' % 256), ("b'%x %05.1f'", lambda: b'%x %05.1f' % (255, 2.5)),
    ("few", lambda: b'%s %s' % (b'a',)), ("many", lambda: b'%s' % (b'a', b'b')), ("b'x' % 5", lambda: b'x' % 5),
    ("key", lambda: b'%(k)s' % {b'k': b'v'}), ("str key", lambda: b'%(k)s' % {'k': b'v'}), ("%y", lambda: b'%y' % 1),
    ("pad", lambda: b'%5s|%-5s|' % (b'ab', b'cd')), ("prec", lambda: b'%.1s' % b'abc'), ("%%", lambda: b'%%' % ()),
    ("bytearray", lambda: bytearray(b'%d') % 3), ("b'%s' % 5", lambda: b'%s' % 5), ("b'x' % 'abc'", lambda: b'x' % 'abc'),
    ("b'x' % [1]", lambda: b'x' % [1]), ("http", lambda: b"GET %s HTTP/1.1\r\nHost: %s\r\n" % (b"/", "example.com".encode())),
]
for label, fn in tests:
    try:
        print(label, "=>", repr(fn()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
