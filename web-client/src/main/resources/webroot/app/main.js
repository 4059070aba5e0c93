// The client's entry point (index.html loads it after sockjs-client's classic script).
import './cadre-app.js';
