package io.roundup.gateway.routing;

import java.net.ConnectException;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;
import org.springframework.stereotype.Component;

/**
 * Passive ejection: a copy that refused a connection (it died, or is not listening yet) leaves the rotation at once,
 * so that the retry of that request and the requests after it go to the others without waiting for the next
 * readiness check. Only a refused connection counts: nothing was sent, so it says nothing about the request.
 */
@Component
class EjectRefusingInstances implements LoadBalancerLifecycle<RequestDataContext, ResponseData, ServiceInstance> {

    private final RoutedServices services;

    EjectRefusingInstances(RoutedServices services) {
        this.services = services;
    }

    @Override
    public boolean supports(Class requestContextClass, Class responseClass, Class serverTypeClass) {
        return RequestDataContext.class.isAssignableFrom(requestContextClass)
                && ServiceInstance.class.isAssignableFrom(serverTypeClass);
    }

    @Override
    public void onStart(Request<RequestDataContext> request) {}

    @Override
    public void onStartRequest(Request<RequestDataContext> request, Response<ServiceInstance> lbResponse) {}

    @Override
    public void onComplete(CompletionContext<ResponseData, ServiceInstance, RequestDataContext> completion) {
        if (completion.status() != CompletionContext.Status.FAILED || completion.getLoadBalancerResponse() == null) {
            return;
        }
        ServiceInstance instance = completion.getLoadBalancerResponse().getServer();
        if (instance != null && refused(completion.getThrowable())) {
            services.of(instance.getServiceId()).refused(instance);
        }
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
