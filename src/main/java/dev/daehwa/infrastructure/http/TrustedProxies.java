package dev.daehwa.infrastructure.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the client is and whether it came over TLS, when Daehwa runs behind a reverse proxy (nginx,
 * Heroku's router) that terminates TLS and forwards plain HTTP.
 *
 * <p><b>Security considerations.</b> {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are
 * request headers anyone can send, so they are believed only when the connection itself comes
 * from an address listed in {@code DAEHWA_TRUSTED_PROXIES} (addresses or CIDR ranges, comma
 * separated; none by default). The client is the right-most forwarded address that is not itself
 * a trusted proxy: entries to its left were written by the client and prove nothing.
 */
@ApplicationScoped
public class TrustedProxies {

    @Inject
    @ConfigProperty(name = "DAEHWA_TRUSTED_PROXIES")
    Optional<String> setting;

    private List<AddressRange> ranges = List.of();

    public TrustedProxies() {
    }

    /** For tests and non-CDI callers: the setting's value, as the environment would give it. */
    public TrustedProxies(String setting) {
        this.setting = Optional.ofNullable(setting);
        parse();
    }

    @PostConstruct
    void parse() {
        List<AddressRange> parsed = new ArrayList<>();
        for (String entry : setting.orElse("").split(",")) {
            if (!entry.isBlank()) {
                parsed.add(AddressRange.parse(entry.strip()));
            }
        }
        ranges = List.copyOf(parsed);
    }

    /** The address rate limits are counted against. */
    public String clientAddress(HttpServletRequest request) {
        return clientAddress(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** Whether the client's own connection was HTTPS, at this server or at a trusted proxy. */
    public boolean cameOverHttps(HttpServletRequest request) {
        return request.isSecure() || forwardedHttps(request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    }

    /** Whether a plain-HTTP connection from this peer is the proxied half of an HTTPS one. */
    boolean forwardedHttps(String remoteAddress, String forwardedProto) {
        return forwardedProto != null && isTrusted(remoteAddress)
                && firstValue(forwardedProto).toLowerCase(Locale.ROOT).equals("https");
    }

    String clientAddress(String remoteAddress, List<String> forwardedForHeaders) {
        if (!isTrusted(remoteAddress)) {
            return remoteAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedForHeaders) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = remoteAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!isTrusted(client)) {
                break;
            }
        }
        return client;
    }

    boolean isTrusted(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        Optional<byte[]> bytes = AddressRange.literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    private static String firstValue(String header) {
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }

    /** One address or CIDR block of the setting. */
    private record AddressRange(byte[] network, int prefixBits) {

        static AddressRange parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "DAEHWA_TRUSTED_PROXIES: not an IP address or CIDR range: " + entry));
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("DAEHWA_TRUSTED_PROXIES: bad prefix length in " + entry);
                }
            }
            return new AddressRange(network, bits);
        }

        /**
         * The bytes of an IP literal; never a DNS lookup, which a forged header could otherwise
         * make the server perform.
         */
        static Optional<byte[]> literal(String address) {
            String bare = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1) : address;
            boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
            if (!ipv4 && !ipv6) {
                return Optional.empty();
            }
            try {
                byte[] bytes = InetAddress.getByName(bare).getAddress();
                return Optional.of(ipv4MappedToIpv4(bytes));
            } catch (UnknownHostException | SecurityException e) {
                return Optional.empty();
            }
        }

        private static byte[] ipv4MappedToIpv4(byte[] bytes) {
            if (bytes.length != 16) {
                return bytes;
            }
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return bytes;
                }
            }
            if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
                return bytes;
            }
            return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
