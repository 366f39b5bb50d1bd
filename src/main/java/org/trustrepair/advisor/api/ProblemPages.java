package org.trustrepair.advisor.api;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** The page each problem's {@code type} points at: what went wrong and what to do; {@code /problems} lists them all. */
@Controller
@RequestMapping("/problems")
class ProblemPages {

    @GetMapping
    String all(Model model) {
        model.addAttribute("problems", List.of(ProblemType.values()));
        return "problems";
    }

    @GetMapping("/{name}")
    String one(@PathVariable String name, Model model) {
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(t -> t.slug().equals(name))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("problems", List.of(type));
        return "problems";
    }
}
