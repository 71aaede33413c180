import { useState } from 'react';
import { randomUUID } from 'expo-crypto';
import { AppRoot } from './src/AppRoot';
import { apiBaseUrl } from './src/config/apiBaseUrl';
import { createNetInfoConnectivity } from './src/connectivity/netInfoConnectivity';
import { createAppServices } from './src/services/appServices';
import { createDeviceStorage } from './src/storage/deviceStorage';
import { createWallPictureCache } from './src/wallPictures/wallPictureCache';
import { registerServiceWorker } from './src/web/registerServiceWorker';

registerServiceWorker();

function createServices() {
  const baseUrl = apiBaseUrl();
  return createAppServices({
    storage: createDeviceStorage(),
    baseUrl,
    fetch: (url, init) => fetch(url, init),
    connectivity: createNetInfoConnectivity(baseUrl),
    uuid: randomUUID,
    pictures: createWallPictureCache(baseUrl),
  });
}

export default function App() {
  const [services] = useState(createServices);
  return <AppRoot services={services} />;
}
