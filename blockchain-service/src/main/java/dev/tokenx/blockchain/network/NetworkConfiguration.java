package dev.tokenx.blockchain.network;

import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

    /** One client for the service: OkHttp pools its connections, and every call is bounded by the timeouts. */
    @Bean(destroyMethod = "shutdown")
    Web3j web3j(ChainProperties chain) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(chain.connectTimeout())
                .readTimeout(chain.readTimeout())
                .writeTimeout(chain.readTimeout())
                .callTimeout(chain.connectTimeout().plus(chain.readTimeout()))
                .build();
        return Web3j.build(new HttpService(chain.rpcUrl().toString(), http));
    }
}
