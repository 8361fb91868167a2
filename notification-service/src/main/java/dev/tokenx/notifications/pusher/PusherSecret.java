package dev.tokenx.notifications.pusher;

import dev.tokenx.secrets.ServiceSecrets;
import dev.tokenx.secrets.UsedSecret;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The Pusher app secret signs every message and every private-channel authorization: whoever knows it can publish to
 * any user's channel. Outside local mode it must be set and not the local app's published one.
 */
public final class PusherSecret implements ServiceSecrets {

    @Override
    public List<UsedSecret> usedIn(Binder configuration) {
        return List.of(UsedSecret.at(configuration, "notifications.pusher.secret", "NOTIFICATIONS_PUSHER_SECRET"));
    }
}
