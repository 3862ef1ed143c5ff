"""The API's one error shape: ``{"error": {"code", "message"[, "param"]}}`` with its status."""

from __future__ import annotations

from flask import Flask

from dashboard.api.errors import error


def test_error_body_and_status_name_the_parameter_only_when_given():
    with Flask(__name__).app_context():
        response, status = error(400, "bad_param", "anio fuera de rango", "anio")
        assert status == 400 and response.mimetype == "application/json"
        assert response.get_json() == {"error": {"code": "bad_param",
                                                 "message": "anio fuera de rango",
                                                 "param": "anio"}}
        response, status = error(404, "not_found", "no existe")
        assert status == 404
        assert response.get_json() == {"error": {"code": "not_found", "message": "no existe"}}
