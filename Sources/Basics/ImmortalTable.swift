/// A constant table for a hot loop, made once and never freed. Reading a static array retains
/// and releases it at every use, which in a loop run per tag or per word showed in profiles;
/// a pointer is just read.
public func immortalTable<Element>(_ values: [Element]) -> UnsafeBufferPointer<Element> {
    let table = UnsafeMutableBufferPointer<Element>.allocate(capacity: values.count)
    _ = table.initialize(from: values)
    return UnsafeBufferPointer(table)
}
