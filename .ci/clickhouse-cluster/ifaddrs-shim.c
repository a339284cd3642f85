/*
 * ifaddrs-shim.c - LD_PRELOAD shim that gives one clickhouse-server process its "own" address.
 *
 * Every node of the local test cluster listens on its own loopback address (127.0.0.11, .12, ...)
 * with the standard ports, like pods in Kubernetes. ClickHouse decides which entry of a cluster
 * is itself (ON CLUSTER DDL: "There is no a local address in host list"; Distributed: local vs
 * remote replica) by comparing host:port with the addresses of its network interfaces
 * (DB::isLocalAddress -> Poco::Net::NetworkInterface::list -> getifaddrs). Those loopback
 * addresses are reachable (all of 127/8 is local on Linux) but belong to no interface, so
 * without help no node would recognise itself; adding them to "lo" would make every node
 * recognise all four. This shim adds exactly one address, $CH_NODE_ADDRESS, to the list that
 * getifaddrs() returns to the process it is preloaded into - the view a pod has of its own IP.
 *
 * Built by start.sh with the system C compiler: cc -shared -fPIC -O2 -o shim.so ifaddrs-shim.c -ldl
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

static char shim_marker;

struct shim_entry {
    struct ifaddrs ifa;
    struct sockaddr_in addr;
    struct sockaddr_in mask;
    char name[IF_NAMESIZE];
};

int getifaddrs(struct ifaddrs **ifap)
{
    static int (*real_getifaddrs)(struct ifaddrs **);
    if (!real_getifaddrs)
        real_getifaddrs = (int (*)(struct ifaddrs **)) dlsym(RTLD_NEXT, "getifaddrs");
    if (!real_getifaddrs)
        return -1;
    int rc = real_getifaddrs(ifap);
    const char *own = getenv("CH_NODE_ADDRESS");
    if (rc != 0 || own == NULL || *own == '\0')
        return rc;

    struct shim_entry *e = calloc(1, sizeof *e);
    if (e == NULL)
        return rc;
    if (inet_pton(AF_INET, own, &e->addr.sin_addr) != 1) {
        free(e);
        return rc;
    }
    e->addr.sin_family = AF_INET;
    e->mask.sin_family = AF_INET;
    e->mask.sin_addr.s_addr = htonl(0xffffffffu);
    strcpy(e->name, "lo");
    e->ifa.ifa_name = e->name;
    e->ifa.ifa_flags = IFF_UP | IFF_RUNNING | IFF_LOOPBACK;
    e->ifa.ifa_addr = (struct sockaddr *) &e->addr;
    e->ifa.ifa_netmask = (struct sockaddr *) &e->mask;
    e->ifa.ifa_data = &shim_marker;
    e->ifa.ifa_next = *ifap;
    *ifap = &e->ifa;
    return 0;
}

void freeifaddrs(struct ifaddrs *ifa)
{
    static void (*real_freeifaddrs)(struct ifaddrs *);
    if (!real_freeifaddrs)
        real_freeifaddrs = (void (*)(struct ifaddrs *)) dlsym(RTLD_NEXT, "freeifaddrs");
    if (ifa != NULL && ifa->ifa_data == &shim_marker) {
        struct ifaddrs *rest = ifa->ifa_next;
        free(ifa);
        ifa = rest;
    }
    if (ifa != NULL && real_freeifaddrs)
        real_freeifaddrs(ifa);
}
