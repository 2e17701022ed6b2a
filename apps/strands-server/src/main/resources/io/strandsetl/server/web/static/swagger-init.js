// Swagger UI over the server's own OpenAPI document (same origin, session cookie or bearer token).
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
});
