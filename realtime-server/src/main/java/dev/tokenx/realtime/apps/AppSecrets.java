package dev.tokenx.realtime.apps;

import dev.tokenx.secrets.ServiceSecrets;
import dev.tokenx.secrets.UsedSecret;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Each enabled app's secret signs its publishers' requests and its private-channel authorizations: whoever knows it
 * can publish to, and subscribe to, any of the app's channels. Outside local mode each must be set and not the local
 * app's published one. The first app's comes from {@code REALTIME_APP_SECRET} (application.yml maps it), the others'
 * from {@code REALTIME_APPS_<n>_SECRET}.
 */
public final class AppSecrets implements ServiceSecrets {

    @Override
    public List<UsedSecret> usedIn(Binder configuration) {
        List<AppsProperties.App> apps = configuration
                .bind("realtime.apps", Bindable.listOf(AppsProperties.App.class))
                .orElse(List.of());
        List<UsedSecret> secrets = new ArrayList<>();
        for (int n = 0; n < apps.size(); n++) {
            AppsProperties.App app = apps.get(n);
            if (app.enabled()) {
                String variable = n == 0 ? "REALTIME_APP_SECRET" : "REALTIME_APPS_" + n + "_SECRET";
                secrets.add(new UsedSecret(variable, "realtime.apps[" + n + "].secret", app.secret()));
            }
        }
        return secrets;
    }
}
