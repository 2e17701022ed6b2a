// Swagger UI over the server's own OpenAPI document (same origin, session cookie or bearer token).
// "Try it out" from a logged-in page: writes (the agents' tools, admin actions) carry the
// session's CSRF token like every other post of the dashboard; bearer callers need none.
window.addEventListener('load', function () {
  var meta = document.querySelector('meta[name=csrf-token]');
  var csrf = meta ? meta.content : '';
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    requestInterceptor: function (request) {
      if (csrf && request.method && request.method.toUpperCase() !== 'GET') {
        request.headers['X-CSRF-Token'] = csrf;
      }
      return request;
    }
  });
});
