import Hummingbird

/// The request context of the workbench's router (Hummingbird's basic context; bodies are read by the routes
/// with the limit of ``WorkbenchLimits/maximumBodyBytes``).
public struct WorkbenchRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
