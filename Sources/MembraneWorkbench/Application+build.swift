import Hummingbird
import HummingbirdCore
import NIOCore

/// The router of `membrane serve`: the security guard first, then the page and the API. Tests build exactly this.
public func buildRouter(configuration: WorkbenchConfiguration, lane: ComputeLane) -> Router<WorkbenchRequestContext> {
    let router = Router(context: WorkbenchRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityMiddleware(hosts: HostPolicy(boundHost: configuration.host)))
    PageAsset.add(to: router)
    APIRoutes(lane: lane, limits: configuration.limits).add(to: router)
    return router
}

/// The workbench server: HTTP/1.1 on `configuration.host`:`configuration.port` with the idle timeout and the
/// connection limit of ``WorkbenchLimits``; the ``ComputeLane`` runs as one of its services. `onServerRunning`
/// receives the bound port (useful with port 0).
public func buildApplication(configuration: WorkbenchConfiguration,
                             onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let lane = ComputeLane(limits: configuration.limits)
    let limits = configuration.limits
    return Application(
        router: buildRouter(configuration: configuration, lane: lane),
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(limits.idleTimeout / .nanoseconds(1))))),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port),
            availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections)),
        services: [lane],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) })
}
